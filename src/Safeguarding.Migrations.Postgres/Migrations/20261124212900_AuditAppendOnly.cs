using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguarding.Core.Data;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations;

/// <summary>The database itself refuses to change or delete audit rows.</summary>
[DbContext(typeof(SafeguardingDbContext))]
[Migration("20261124212900_AuditAppendOnly")]
public partial class AuditAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit events are append-only';
            END $$;
            """);
        migrationBuilder.Sql("CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON \"AuditEvents\" FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();");
        migrationBuilder.Sql("CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON \"AuditEvents\" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER audit_events_no_truncate ON \"AuditEvents\";");
        migrationBuilder.Sql("DROP TRIGGER audit_events_append_only ON \"AuditEvents\";");
        migrationBuilder.Sql("DROP FUNCTION audit_events_refuse_change();");
    }
}
