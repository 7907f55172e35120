using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicator_age_counts",
                columns: table => new
                {
                    Indicator = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Sex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CategoryType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgeBand = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Count = table.Column<double>(type: "double precision", nullable: false),
                    Population = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_age_counts", x => new { x.Indicator, x.Area, x.Period, x.Sex, x.CategoryType, x.Category, x.AgeBand });
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    Indicator = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Sex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Age = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    CategoryType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AreaType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AreaName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<double>(type: "double precision", nullable: true),
                    Denominator = table.Column<double>(type: "double precision", nullable: true),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Lower95 = table.Column<double>(type: "double precision", nullable: true),
                    Upper95 = table.Column<double>(type: "double precision", nullable: true),
                    Lower998 = table.Column<double>(type: "double precision", nullable: true),
                    Upper998 = table.Column<double>(type: "double precision", nullable: true),
                    ValueNote = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    PublishedComparison = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PublishedTrend = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_values", x => new { x.Indicator, x.Area, x.Period, x.Sex, x.Age, x.CategoryType, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ValueType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Multiplier = table.Column<double>(type: "double precision", nullable: false),
                    Unit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Polarity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: true),
                    Frequency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Licence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Comparators = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FactorGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    FocusArea = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Disclosure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Profile = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_Indicator_AreaType_Period",
                table: "indicator_values",
                columns: new[] { "Indicator", "AreaType", "Period" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_age_counts");

            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "indicators");
        }
    }
}
