using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceFramework : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChildPopulations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Children = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildPopulations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildPopulations_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DashboardPriorities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardPriorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorCommentaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorCommentaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorCommentaries_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorComparators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorComparators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorComparators_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorFigures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Numerator = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: true),
                    Denominator = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 14, scale: 6, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorFigures_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: true),
                    ToleranceLow = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: true),
                    ToleranceHigh = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SetByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorTargets_AspNetUsers_SetByUserId",
                        column: x => x.SetByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PerformancePackSignOffs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SignedOffByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedOffByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedOffAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformancePackSignOffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerformancePackSignOffs_AspNetUsers_SignedOffByUserId",
                        column: x => x.SignedOffByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DashboardMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PriorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DashboardMeasures_DashboardPriorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "DashboardPriorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PartnershipId_ReceivedAt",
                table: "Contacts",
                columns: new[] { "PartnershipId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildPopulations_PartnershipId",
                table: "ChildPopulations",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildPopulations_PartnershipId_Year",
                table: "ChildPopulations",
                columns: new[] { "PartnershipId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildPopulations_RecordedByUserId",
                table: "ChildPopulations",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_DashboardMeasures_PartnershipId",
                table: "DashboardMeasures",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_DashboardMeasures_PriorityId_IndicatorCode_Kind",
                table: "DashboardMeasures",
                columns: new[] { "PriorityId", "IndicatorCode", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DashboardPriorities_PartnershipId",
                table: "DashboardPriorities",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorCommentaries_AuthorUserId",
                table: "IndicatorCommentaries",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorCommentaries_PartnershipId",
                table: "IndicatorCommentaries",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorCommentaries_PartnershipId_IndicatorCode_Month",
                table: "IndicatorCommentaries",
                columns: new[] { "PartnershipId", "IndicatorCode", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorCommentaries_PartnershipId_Month",
                table: "IndicatorCommentaries",
                columns: new[] { "PartnershipId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorComparators_PartnershipId",
                table: "IndicatorComparators",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorComparators_PartnershipId_IndicatorCode_Kind_Year",
                table: "IndicatorComparators",
                columns: new[] { "PartnershipId", "IndicatorCode", "Kind", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorComparators_RecordedByUserId",
                table: "IndicatorComparators",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFigures_PartnershipId",
                table: "IndicatorFigures",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFigures_PartnershipId_IndicatorCode_Month",
                table: "IndicatorFigures",
                columns: new[] { "PartnershipId", "IndicatorCode", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFigures_RecordedByUserId",
                table: "IndicatorFigures",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_PartnershipId",
                table: "IndicatorTargets",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_PartnershipId_IndicatorCode_Year",
                table: "IndicatorTargets",
                columns: new[] { "PartnershipId", "IndicatorCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_SetByUserId",
                table: "IndicatorTargets",
                column: "SetByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformancePackSignOffs_PartnershipId",
                table: "PerformancePackSignOffs",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformancePackSignOffs_PartnershipId_Month",
                table: "PerformancePackSignOffs",
                columns: new[] { "PartnershipId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PerformancePackSignOffs_SignedOffByUserId",
                table: "PerformancePackSignOffs",
                column: "SignedOffByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildPopulations");

            migrationBuilder.DropTable(
                name: "DashboardMeasures");

            migrationBuilder.DropTable(
                name: "IndicatorCommentaries");

            migrationBuilder.DropTable(
                name: "IndicatorComparators");

            migrationBuilder.DropTable(
                name: "IndicatorFigures");

            migrationBuilder.DropTable(
                name: "IndicatorTargets");

            migrationBuilder.DropTable(
                name: "PerformancePackSignOffs");

            migrationBuilder.DropTable(
                name: "DashboardPriorities");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_PartnershipId_ReceivedAt",
                table: "Contacts");
        }
    }
}
