using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Workforce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseAllocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAllocations_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAllocations_AspNetUsers_WorkerUserId",
                        column: x => x.WorkerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAllocations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Supervisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupervisorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supervisions_AspNetUsers_SupervisorUserId",
                        column: x => x.SupervisorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Supervisions_AspNetUsers_WorkerUserId",
                        column: x => x.WorkerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkforcePosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkforcePosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PostHoldings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Employment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostHoldings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostHoldings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostHoldings_WorkforcePosts_PostId",
                        column: x => x.PostId,
                        principalTable: "WorkforcePosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAllocations_PartnershipId",
                table: "CaseAllocations",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAllocations_PartnershipId_EndDate_StartDate",
                table: "CaseAllocations",
                columns: new[] { "PartnershipId", "EndDate", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAllocations_PersonId_StartDate",
                table: "CaseAllocations",
                columns: new[] { "PersonId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAllocations_RecordedByUserId",
                table: "CaseAllocations",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAllocations_WorkerUserId_StartDate",
                table: "CaseAllocations",
                columns: new[] { "WorkerUserId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PostHoldings_PartnershipId",
                table: "PostHoldings",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PostHoldings_PostId_StartDate",
                table: "PostHoldings",
                columns: new[] { "PostId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PostHoldings_UserId_StartDate",
                table: "PostHoldings",
                columns: new[] { "UserId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Supervisions_PartnershipId",
                table: "Supervisions",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervisions_PartnershipId_HeldOn",
                table: "Supervisions",
                columns: new[] { "PartnershipId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Supervisions_SupervisorUserId",
                table: "Supervisions",
                column: "SupervisorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervisions_WorkerUserId_HeldOn",
                table: "Supervisions",
                columns: new[] { "WorkerUserId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkforcePosts_PartnershipId",
                table: "WorkforcePosts",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkforcePosts_PartnershipId_Reference",
                table: "WorkforcePosts",
                columns: new[] { "PartnershipId", "Reference" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAllocations");

            migrationBuilder.DropTable(
                name: "PostHoldings");

            migrationBuilder.DropTable(
                name: "Supervisions");

            migrationBuilder.DropTable(
                name: "WorkforcePosts");
        }
    }
}
