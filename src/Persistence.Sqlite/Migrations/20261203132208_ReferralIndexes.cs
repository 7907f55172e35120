using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReferralIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_referrals_IdentifierSystem_IdentifierValue",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "IX_fhir_resources_Type_Identifier",
                table: "fhir_resources");

            migrationBuilder.DropColumn(
                name: "Identifier",
                table: "fhir_resources");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_IdentifierValue_IdentifierSystem",
                table: "referrals",
                columns: new[] { "IdentifierValue", "IdentifierSystem" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_referrals_IdentifierValue_IdentifierSystem",
                table: "referrals");

            migrationBuilder.AddColumn<string>(
                name: "Identifier",
                table: "fhir_resources",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_IdentifierSystem_IdentifierValue",
                table: "referrals",
                columns: new[] { "IdentifierSystem", "IdentifierValue" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fhir_resources_Type_Identifier",
                table: "fhir_resources",
                columns: new[] { "Type", "Identifier" });
        }
    }
}
