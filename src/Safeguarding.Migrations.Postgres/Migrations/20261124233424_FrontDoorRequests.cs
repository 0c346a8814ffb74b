using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FrontDoorRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactReferenceCounters",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactReferenceCounters", x => new { x.PartnershipId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReferrerName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ReferrerRole = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ReferrerPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReferrerEmail = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReferrerAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferrerAgencyName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Urgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConcernNarrative = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    OtherConcern = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ChildsVoice = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    HowChildWasSeen = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EarlyHelpTried = table.Column<bool>(type: "boolean", nullable: false),
                    WhatHasBeenTried = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    PlansInPlace = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Consent = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConsentGivenBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ConsentNotObtainedReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReferrerLevelOfNeed = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OutcomeFeedback = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    OutcomeFeedbackAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Agencies_ReferrerAgencyId",
                        column: x => x.ReferrerAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contacts_AspNetUsers_SubmittedByUserId",
                        column: x => x.SubmittedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequestForSupportDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnswersJson = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestForSupportDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestForSupportDrafts_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactChildren",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    FirstName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    LastName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    OtherNames = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Unborn = table.Column<bool>(type: "boolean", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedDateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    SchoolAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    SchoolName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactChildren_Agencies_SchoolAgencyId",
                        column: x => x.SchoolAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactChildren_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactChildren_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactConcerns",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactConcerns", x => new { x.ContactId, x.Category });
                    table.ForeignKey(
                        name: "FK_ContactConcerns_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Relationship = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactPeople_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactPeople_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", maxLength: 10485760, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactAttachments_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactAttachments_RequestForSupportDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "RequestForSupportDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContactAttachments_ContactId",
                table: "ContactAttachments",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactAttachments_DraftId",
                table: "ContactAttachments",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactAttachments_PartnershipId",
                table: "ContactAttachments",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_ContactId",
                table: "ContactChildren",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_NhsNumber",
                table: "ContactChildren",
                column: "NhsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_PartnershipId",
                table: "ContactChildren",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_PersonId",
                table: "ContactChildren",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_SchoolAgencyId",
                table: "ContactChildren",
                column: "SchoolAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactConcerns_PartnershipId",
                table: "ContactConcerns",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactConcerns_PartnershipId_Category",
                table: "ContactConcerns",
                columns: new[] { "PartnershipId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactPeople_ContactId",
                table: "ContactPeople",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPeople_PartnershipId",
                table: "ContactPeople",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPeople_PersonId",
                table: "ContactPeople",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PartnershipId",
                table: "Contacts",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PartnershipId_Reference",
                table: "Contacts",
                columns: new[] { "PartnershipId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PartnershipId_State_ReceivedAt",
                table: "Contacts",
                columns: new[] { "PartnershipId", "State", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PartnershipId_SubmittedByUserId_IdempotencyKey",
                table: "Contacts",
                columns: new[] { "PartnershipId", "SubmittedByUserId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReferrerAgencyId",
                table: "Contacts",
                column: "ReferrerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SubmittedByUserId",
                table: "Contacts",
                column: "SubmittedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestForSupportDrafts_OwnerUserId",
                table: "RequestForSupportDrafts",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestForSupportDrafts_PartnershipId",
                table: "RequestForSupportDrafts",
                column: "PartnershipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactAttachments");

            migrationBuilder.DropTable(
                name: "ContactChildren");

            migrationBuilder.DropTable(
                name: "ContactConcerns");

            migrationBuilder.DropTable(
                name: "ContactPeople");

            migrationBuilder.DropTable(
                name: "ContactReferenceCounters");

            migrationBuilder.DropTable(
                name: "RequestForSupportDrafts");

            migrationBuilder.DropTable(
                name: "Contacts");
        }
    }
}
