using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LookedAfterChildren : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CareLeaverContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Age = table.Column<int>(type: "INTEGER", nullable: false),
                    Birthday = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InTouch = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Accommodation = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareLeaverContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareLeaverContacts_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CarePeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CinEpisodeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    IsUnaccompaniedAsylumSeeker = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnaccompaniedCeasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePeriods_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CarePeriods_CinEpisodes_CinEpisodeId",
                        column: x => x.CinEpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CarePeriods_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AdoptionRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarePeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlacementOrderDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MatchDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlacedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdoptedByFosterCarers = table.Column<bool>(type: "INTEGER", nullable: true),
                    NumberOfAdopters = table.Column<int>(type: "INTEGER", nullable: true),
                    AdopterSex = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    AdopterLegalStatus = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    CeasedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CeasedReason = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdoptionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdoptionRecords_CarePeriods_CarePeriodId",
                        column: x => x.CarePeriodId,
                        principalTable: "CarePeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdoptionRecords_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarePeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReasonNewEpisode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    LegalStatus = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CategoryOfNeed = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PlacementType = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    PlacementProvider = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    PlacementPostcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    HomePostcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Urn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ReasonPlaceChange = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareEpisodes_CarePeriods_CarePeriodId",
                        column: x => x.CarePeriodId,
                        principalTable: "CarePeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareEpisodes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LookedAfterReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarePeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Participation = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    ReasonLate = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookedAfterReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LookedAfterReviews_CarePeriods_CarePeriodId",
                        column: x => x.CarePeriodId,
                        principalTable: "CarePeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LookedAfterReviews_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MissingEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarePeriodId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InterviewOfferedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InterviewAccepted = table.Column<bool>(type: "INTEGER", nullable: true),
                    InterviewCompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissingEpisodes_CarePeriods_CarePeriodId",
                        column: x => x.CarePeriodId,
                        principalTable: "CarePeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MissingEpisodes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionRecords_CarePeriodId",
                table: "AdoptionRecords",
                column: "CarePeriodId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionRecords_PartnershipId",
                table: "AdoptionRecords",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionRecords_PersonId",
                table: "AdoptionRecords",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CareEpisodes_CarePeriodId_StartDate",
                table: "CareEpisodes",
                columns: new[] { "CarePeriodId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CareEpisodes_PartnershipId",
                table: "CareEpisodes",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CareEpisodes_PersonId",
                table: "CareEpisodes",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CareLeaverContacts_PartnershipId",
                table: "CareLeaverContacts",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CareLeaverContacts_PartnershipId_Birthday",
                table: "CareLeaverContacts",
                columns: new[] { "PartnershipId", "Birthday" });

            migrationBuilder.CreateIndex(
                name: "IX_CareLeaverContacts_PersonId_Age",
                table: "CareLeaverContacts",
                columns: new[] { "PersonId", "Age" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CarePeriods_CinEpisodeId",
                table: "CarePeriods",
                column: "CinEpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePeriods_PartnershipId",
                table: "CarePeriods",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePeriods_PartnershipId_EndDate",
                table: "CarePeriods",
                columns: new[] { "PartnershipId", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CarePeriods_PartnershipId_StartDate",
                table: "CarePeriods",
                columns: new[] { "PartnershipId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CarePeriods_PersonId_StartDate",
                table: "CarePeriods",
                columns: new[] { "PersonId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CarePeriods_RecordedByUserId",
                table: "CarePeriods",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterReviews_CarePeriodId_HeldOn",
                table: "LookedAfterReviews",
                columns: new[] { "CarePeriodId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterReviews_PartnershipId",
                table: "LookedAfterReviews",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterReviews_PartnershipId_HeldOn",
                table: "LookedAfterReviews",
                columns: new[] { "PartnershipId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterReviews_PersonId",
                table: "LookedAfterReviews",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_CarePeriodId",
                table: "MissingEpisodes",
                column: "CarePeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_PartnershipId",
                table: "MissingEpisodes",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_PartnershipId_StartedAt",
                table: "MissingEpisodes",
                columns: new[] { "PartnershipId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_PersonId_StartedAt",
                table: "MissingEpisodes",
                columns: new[] { "PersonId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdoptionRecords");

            migrationBuilder.DropTable(
                name: "CareEpisodes");

            migrationBuilder.DropTable(
                name: "CareLeaverContacts");

            migrationBuilder.DropTable(
                name: "LookedAfterReviews");

            migrationBuilder.DropTable(
                name: "MissingEpisodes");

            migrationBuilder.DropTable(
                name: "CarePeriods");
        }
    }
}
