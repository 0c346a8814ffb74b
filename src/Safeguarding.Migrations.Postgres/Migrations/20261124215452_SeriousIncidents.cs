using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    IncidentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LocalAuthorityAwareAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AbuseOrNeglectKnownOrSuspected = table.Column<bool>(type: "boolean", nullable: false),
                    ChildWasLookedAfter = table.Column<bool>(type: "boolean", nullable: false),
                    ChildWasCareLeaver = table.Column<bool>(type: "boolean", nullable: false),
                    NotifiedToPanelAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
