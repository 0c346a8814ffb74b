using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PathwaySource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "StrategyDiscussions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Section47Enquiries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "CinPlans",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "CinEpisodes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "ChildProtectionPlans",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "ChildProtectionConferences",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Assessments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Source",
                table: "StrategyDiscussions");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Section47Enquiries");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "CinPlans");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "CinEpisodes");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "ChildProtectionPlans");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "ChildProtectionConferences");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Assessments");
        }
    }
}
