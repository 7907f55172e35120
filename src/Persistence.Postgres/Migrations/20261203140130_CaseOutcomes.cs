using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_outcomes",
                columns: table => new
                {
                    Case = table.Column<Guid>(type: "uuid", nullable: false),
                    Completed = table.Column<long>(type: "bigint", nullable: false),
                    CompletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Lines = table.Column<int>(type: "integer", nullable: false),
                    District = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Outcome_Goals = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome_Ons4After = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Outcome_Quit = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Outcome_Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Outcome_WeightAfterKg = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    Outcome_Baseline_HeightCm = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: true),
                    Outcome_Baseline_Ons4 = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Outcome_Baseline_WeightKg = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_outcomes", x => x.Case);
                    table.ForeignKey(
                        name: "FK_case_outcomes_referral_cases_Case",
                        column: x => x.Case,
                        principalTable: "referral_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_outcomes_Completed",
                table: "case_outcomes",
                column: "Completed");

            migrationBuilder.CreateIndex(
                name: "IX_case_outcomes_District_Completed",
                table: "case_outcomes",
                columns: new[] { "District", "Completed" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_outcomes");
        }
    }
}
