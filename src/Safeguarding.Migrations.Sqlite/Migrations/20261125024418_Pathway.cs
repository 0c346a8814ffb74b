using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Pathway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CinEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferralDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReferralSource = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    PrimaryNeed = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    IsReReferral = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoFurtherAction = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosureDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosureReason = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CinEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CinEpisodes_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CinEpisodes_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CinEpisodes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SocialWorkerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AllocatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstVisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AuthorisationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Factors = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_AspNetUsers_SocialWorkerUserId",
                        column: x => x.SocialWorkerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_CinEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CinPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CinPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CinPlans_CinEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CinPlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Section47Agreed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_CinEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Section47Enquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StrategyDiscussionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InitialConferenceTarget = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OutcomeDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConferenceNotRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    InitialConferenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Section47Enquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_CinEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_StrategyDiscussions_StrategyDiscussionId",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussionAttendees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StrategyDiscussionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussionAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussionAttendees_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussionAttendees_StrategyDiscussions_StrategyDiscussionId",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionConferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Section47EnquiryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CategoryOfAbuse = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    ReasonLate = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionConferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_CinEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_Section47Enquiries_Section47EnquiryId",
                        column: x => x.Section47EnquiryId,
                        principalTable: "Section47Enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitialConferenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InitialCategory = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    LatestCategory = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    PreviousPlans = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRepeatWithinTwoYears = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_ChildProtectionConferences_InitialConferenceId",
                        column: x => x.InitialConferenceId,
                        principalTable: "ChildProtectionConferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_CinEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConferenceAttendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConferenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Invited = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportSubmitted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConferenceAttendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConferenceAttendances_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConferenceAttendances_ChildProtectionConferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "ChildProtectionConferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoreGroupMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreGroupMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreGroupMeetings_ChildProtectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoreGroupMeetings_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_EpisodeId",
                table: "Assessments",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PartnershipId",
                table: "Assessments",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PartnershipId_AuthorisationDate",
                table: "Assessments",
                columns: new[] { "PartnershipId", "AuthorisationDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PartnershipId_StartDate",
                table: "Assessments",
                columns: new[] { "PartnershipId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PersonId",
                table: "Assessments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_SocialWorkerUserId",
                table: "Assessments",
                column: "SocialWorkerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_EpisodeId",
                table: "ChildProtectionConferences",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_PartnershipId",
                table: "ChildProtectionConferences",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_PartnershipId_Kind_HeldOn",
                table: "ChildProtectionConferences",
                columns: new[] { "PartnershipId", "Kind", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_PersonId",
                table: "ChildProtectionConferences",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_PlanId",
                table: "ChildProtectionConferences",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_Section47EnquiryId",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_EpisodeId",
                table: "ChildProtectionPlans",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_InitialConferenceId",
                table: "ChildProtectionPlans",
                column: "InitialConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_PartnershipId",
                table: "ChildProtectionPlans",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_PartnershipId_EndDate",
                table: "ChildProtectionPlans",
                columns: new[] { "PartnershipId", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_PartnershipId_StartDate",
                table: "ChildProtectionPlans",
                columns: new[] { "PartnershipId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_PersonId",
                table: "ChildProtectionPlans",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CinEpisodes_ContactId",
                table: "CinEpisodes",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_CinEpisodes_PartnershipId",
                table: "CinEpisodes",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CinEpisodes_PartnershipId_ClosureDate",
                table: "CinEpisodes",
                columns: new[] { "PartnershipId", "ClosureDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CinEpisodes_PartnershipId_ReferralDate",
                table: "CinEpisodes",
                columns: new[] { "PartnershipId", "ReferralDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CinEpisodes_PersonId_ReferralDate",
                table: "CinEpisodes",
                columns: new[] { "PersonId", "ReferralDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CinEpisodes_RecordedByUserId",
                table: "CinEpisodes",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CinPlans_EpisodeId",
                table: "CinPlans",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_CinPlans_PartnershipId",
                table: "CinPlans",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CinPlans_PartnershipId_StartDate",
                table: "CinPlans",
                columns: new[] { "PartnershipId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CinPlans_PersonId",
                table: "CinPlans",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceAttendances_AgencyId",
                table: "ConferenceAttendances",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceAttendances_ConferenceId_AgencyId",
                table: "ConferenceAttendances",
                columns: new[] { "ConferenceId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceAttendances_PartnershipId",
                table: "ConferenceAttendances",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_PartnershipId",
                table: "CoreGroupMeetings",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_PersonId",
                table: "CoreGroupMeetings",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_PlanId_HeldOn",
                table: "CoreGroupMeetings",
                columns: new[] { "PlanId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_EpisodeId",
                table: "Section47Enquiries",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_PartnershipId",
                table: "Section47Enquiries",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_PartnershipId_StartDate",
                table: "Section47Enquiries",
                columns: new[] { "PartnershipId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_PersonId",
                table: "Section47Enquiries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_StrategyDiscussionId",
                table: "Section47Enquiries",
                column: "StrategyDiscussionId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussionAttendees_AgencyId",
                table: "StrategyDiscussionAttendees",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussionAttendees_PartnershipId",
                table: "StrategyDiscussionAttendees",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussionAttendees_StrategyDiscussionId",
                table: "StrategyDiscussionAttendees",
                column: "StrategyDiscussionId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_EpisodeId",
                table: "StrategyDiscussions",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_PartnershipId",
                table: "StrategyDiscussions",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_PartnershipId_HeldOn",
                table: "StrategyDiscussions",
                columns: new[] { "PartnershipId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_PersonId",
                table: "StrategyDiscussions",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "CinPlans");

            migrationBuilder.DropTable(
                name: "ConferenceAttendances");

            migrationBuilder.DropTable(
                name: "CoreGroupMeetings");

            migrationBuilder.DropTable(
                name: "StrategyDiscussionAttendees");

            migrationBuilder.DropTable(
                name: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "ChildProtectionConferences");

            migrationBuilder.DropTable(
                name: "Section47Enquiries");

            migrationBuilder.DropTable(
                name: "StrategyDiscussions");

            migrationBuilder.DropTable(
                name: "CinEpisodes");
        }
    }
}
