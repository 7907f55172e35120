using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Persistence.Postgres.Migrations
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
                    PopulationId = table.Column<int>(type: "integer", nullable: false),
                    Lsoa = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Copy = table.Column<int>(type: "integer", nullable: false),
                    District = table.Column<int>(type: "integer", nullable: false),
                    Pool = table.Column<int>(type: "integer", nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    Facts = table.Column<byte[]>(type: "bytea", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false),
                    Risk = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_blocks", x => new { x.PopulationId, x.Lsoa, x.Copy });
                });

            migrationBuilder.CreateTable(
                name: "person_populations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: true),
                    Scale = table.Column<int>(type: "integer", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    PracticeCodes = table.Column<string>(type: "text", nullable: false),
                    DistrictCodes = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RiskModel = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    StratifiedAt = table.Column<long>(type: "bigint", nullable: true)
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
