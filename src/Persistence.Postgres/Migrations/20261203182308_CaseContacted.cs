using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseContacted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Contacted",
                table: "referral_cases",
                type: "bigint",
                nullable: true);

            // Cases contacted before the column: the time of their first move to contacted, from their events.
            migrationBuilder.Sql("""
                UPDATE referral_cases SET "Contacted" = (
                    SELECT e."At" FROM case_events e WHERE e."Case" = referral_cases."Id" AND e."To" = 'Contacted' ORDER BY e."Id" LIMIT 1)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Contacted",
                table: "referral_cases");
        }
    }
}
