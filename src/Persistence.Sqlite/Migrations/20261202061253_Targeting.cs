using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Targeting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cohort_definitions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cohort_definitions", x => new { x.Name, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "family_snapshot_members",
                columns: table => new
                {
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Lsoa = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_snapshot_members", x => new { x.SnapshotId, x.Rank });
                });

            migrationBuilder.CreateTable(
                name: "family_snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    PopulationHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RiskModel = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_blocks",
                columns: table => new
                {
                    PopulationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Lsoa = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Copy = table.Column<int>(type: "INTEGER", nullable: false),
                    District = table.Column<int>(type: "INTEGER", nullable: false),
                    Pool = table.Column<int>(type: "INTEGER", nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    Facts = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Risk = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_blocks", x => new { x.PopulationId, x.Lsoa, x.Copy });
                });

            migrationBuilder.CreateTable(
                name: "person_populations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: true),
                    Scale = table.Column<int>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    PracticeCodes = table.Column<string>(type: "TEXT", nullable: false),
                    DistrictCodes = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RiskModel = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    StratifiedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_populations", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cohort_definitions");

            migrationBuilder.DropTable(
                name: "family_snapshot_members");

            migrationBuilder.DropTable(
                name: "family_snapshots");

            migrationBuilder.DropTable(
                name: "person_blocks");

            migrationBuilder.DropTable(
                name: "person_populations");
        }
    }
}
