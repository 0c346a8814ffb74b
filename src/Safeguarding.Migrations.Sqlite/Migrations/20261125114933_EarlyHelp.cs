using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EarlyHelp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EarlyHelpEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromCinEpisodeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LocalityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssessmentStartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssessmentCompletedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssessingAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeadPractitionerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeadPractitionerAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlanStartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlanNextReviewDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlanEndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SteppedUpToCinEpisodeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_Agencies_AssessingAgencyId",
                        column: x => x.AssessingAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_Agencies_LeadPractitionerAgencyId",
                        column: x => x.LeadPractitionerAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_CinEpisodes_FromCinEpisodeId",
                        column: x => x.FromCinEpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_CinEpisodes_SteppedUpToCinEpisodeId",
                        column: x => x.SteppedUpToCinEpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_Localities_LocalityId",
                        column: x => x.LocalityId,
                        principalTable: "Localities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyPlanReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EarlyHelpEpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NextReviewDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyPlanReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyPlanReviews_EarlyHelpEpisodes_EarlyHelpEpisodeId",
                        column: x => x.EarlyHelpEpisodeId,
                        principalTable: "EarlyHelpEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyPlanReviews_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_AssessingAgencyId",
                table: "EarlyHelpEpisodes",
                column: "AssessingAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_ContactId",
                table: "EarlyHelpEpisodes",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_FromCinEpisodeId",
                table: "EarlyHelpEpisodes",
                column: "FromCinEpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_LeadPractitionerAgencyId",
                table: "EarlyHelpEpisodes",
                column: "LeadPractitionerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_LocalityId",
                table: "EarlyHelpEpisodes",
                column: "LocalityId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_PartnershipId",
                table: "EarlyHelpEpisodes",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_PartnershipId_AssessmentStartDate",
                table: "EarlyHelpEpisodes",
                columns: new[] { "PartnershipId", "AssessmentStartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_PartnershipId_StartDate",
                table: "EarlyHelpEpisodes",
                columns: new[] { "PartnershipId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_PersonId_StartDate",
                table: "EarlyHelpEpisodes",
                columns: new[] { "PersonId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_RecordedByUserId",
                table: "EarlyHelpEpisodes",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_SteppedUpToCinEpisodeId",
                table: "EarlyHelpEpisodes",
                column: "SteppedUpToCinEpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyPlanReviews_EarlyHelpEpisodeId_HeldOn",
                table: "FamilyPlanReviews",
                columns: new[] { "EarlyHelpEpisodeId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyPlanReviews_PartnershipId",
                table: "FamilyPlanReviews",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyPlanReviews_PersonId",
                table: "FamilyPlanReviews",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FamilyPlanReviews");

            migrationBuilder.DropTable(
                name: "EarlyHelpEpisodes");
        }
    }
}
