using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Persistence.Sqlite.Migrations
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
                    Indicator = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CategoryType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgeBand = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<double>(type: "REAL", nullable: false),
                    Population = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_age_counts", x => new { x.Indicator, x.Area, x.Period, x.Sex, x.CategoryType, x.Category, x.AgeBand });
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    Indicator = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Age = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    CategoryType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AreaType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<double>(type: "REAL", nullable: true),
                    Denominator = table.Column<double>(type: "REAL", nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Lower95 = table.Column<double>(type: "REAL", nullable: true),
                    Upper95 = table.Column<double>(type: "REAL", nullable: true),
                    Lower998 = table.Column<double>(type: "REAL", nullable: true),
                    Upper998 = table.Column<double>(type: "REAL", nullable: true),
                    ValueNote = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PublishedComparison = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PublishedTrend = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_values", x => new { x.Indicator, x.Area, x.Period, x.Sex, x.Age, x.CategoryType, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ValueType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Multiplier = table.Column<double>(type: "REAL", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Polarity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: true),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Comparators = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FactorGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FocusArea = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Disclosure = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
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
