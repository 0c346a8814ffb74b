using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SeriousIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeriousIncidentNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IncidentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LocalAuthorityAwareAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AbuseOrNeglectKnownOrSuspected = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChildWasLookedAfter = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChildWasCareLeaver = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifiedToPanelAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeriousIncidentNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeriousIncidentNotifications_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SeriousIncidentNotifications_ChildId",
                table: "SeriousIncidentNotifications",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_SeriousIncidentNotifications_PartnershipId",
                table: "SeriousIncidentNotifications",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_SeriousIncidentNotifications_PartnershipId_Reference",
                table: "SeriousIncidentNotifications",
                columns: new[] { "PartnershipId", "Reference" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SeriousIncidentNotifications");
        }
    }
}
