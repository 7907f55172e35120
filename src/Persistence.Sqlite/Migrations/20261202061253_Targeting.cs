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
                name: "person_blocks");

            migrationBuilder.DropTable(
                name: "person_populations");
        }
    }
}
