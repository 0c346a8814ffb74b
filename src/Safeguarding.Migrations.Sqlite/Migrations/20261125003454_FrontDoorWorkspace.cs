using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FrontDoorWorkspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AssignedWorkerId",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConsentCheckedAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstDecidedAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsReReferral",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsReferral",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "LocalityId",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreviousContactsInYear",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ScreenedOutOfHours",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ScreeningStartedAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgencyApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyApiKeys_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyApiKeys_AspNetUsers_ServiceUserId",
                        column: x => x.ServiceUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgencyInformationRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClockId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ResponseRag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RespondedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyInformationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyInformationRequests_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyInformationRequests_AspNetUsers_RequestedByUserId",
                        column: x => x.RequestedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyInformationRequests_AspNetUsers_RespondedByUserId",
                        column: x => x.RespondedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyInformationRequests_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LevelOfNeed = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    EarlyHelpLocalityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferralSourceCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    PrimaryNeedCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ChangeReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactDecisions_AspNetUsers_DecidedByUserId",
                        column: x => x.DecidedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactDecisions_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactDecisions_Localities_EarlyHelpLocalityId",
                        column: x => x.EarlyHelpLocalityId,
                        principalTable: "Localities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_AssignedWorkerId",
                table: "Contacts",
                column: "AssignedWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_LocalityId",
                table: "Contacts",
                column: "LocalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PartnershipId_FirstDecidedAt",
                table: "Contacts",
                columns: new[] { "PartnershipId", "FirstDecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyApiKeys_AgencyId",
                table: "AgencyApiKeys",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyApiKeys_PartnershipId",
                table: "AgencyApiKeys",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyApiKeys_Prefix",
                table: "AgencyApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgencyApiKeys_ServiceUserId",
                table: "AgencyApiKeys",
                column: "ServiceUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyInformationRequests_AgencyId_RespondedAt_DueAt",
                table: "AgencyInformationRequests",
                columns: new[] { "AgencyId", "RespondedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyInformationRequests_ContactId",
                table: "AgencyInformationRequests",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyInformationRequests_PartnershipId",
                table: "AgencyInformationRequests",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyInformationRequests_RequestedByUserId",
                table: "AgencyInformationRequests",
                column: "RequestedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyInformationRequests_RespondedByUserId",
                table: "AgencyInformationRequests",
                column: "RespondedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactDecisions_ContactId_DecidedAt",
                table: "ContactDecisions",
                columns: new[] { "ContactId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactDecisions_DecidedByUserId",
                table: "ContactDecisions",
                column: "DecidedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactDecisions_EarlyHelpLocalityId",
                table: "ContactDecisions",
                column: "EarlyHelpLocalityId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactDecisions_PartnershipId",
                table: "ContactDecisions",
                column: "PartnershipId");

            migrationBuilder.AddForeignKey(
                name: "FK_Contacts_AspNetUsers_AssignedWorkerId",
                table: "Contacts",
                column: "AssignedWorkerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Contacts_Localities_LocalityId",
                table: "Contacts",
                column: "LocalityId",
                principalTable: "Localities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Contacts_AspNetUsers_AssignedWorkerId",
                table: "Contacts");

            migrationBuilder.DropForeignKey(
                name: "FK_Contacts_Localities_LocalityId",
                table: "Contacts");

            migrationBuilder.DropTable(
                name: "AgencyApiKeys");

            migrationBuilder.DropTable(
                name: "AgencyInformationRequests");

            migrationBuilder.DropTable(
                name: "ContactDecisions");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_AssignedWorkerId",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_LocalityId",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_PartnershipId_FirstDecidedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "AssignedWorkerId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ConsentCheckedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "FirstDecidedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "IsReReferral",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "IsReferral",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "LocalityId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "PreviousContactsInYear",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ScreenedOutOfHours",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ScreeningStartedAt",
                table: "Contacts");
        }
    }
}
