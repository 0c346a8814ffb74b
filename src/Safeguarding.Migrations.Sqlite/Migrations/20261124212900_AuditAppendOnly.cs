using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguarding.Core.Data;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations;

/// <summary>The database itself refuses to change or delete audit rows.</summary>
[DbContext(typeof(SafeguardingDbContext))]
[Migration("20261124212900_AuditAppendOnly")]
public partial class AuditAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON \"AuditEvents\" BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;");
        migrationBuilder.Sql("CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON \"AuditEvents\" BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER audit_events_no_update;");
        migrationBuilder.Sql("DROP TRIGGER audit_events_no_delete;");
    }
}
