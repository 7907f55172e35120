using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PlacesThroughTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_lsoa_deprivation",
                table: "lsoa_deprivation");

            migrationBuilder.DropIndex(
                name: "IX_lsoa_deprivation_ImdDecile",
                table: "lsoa_deprivation");

            migrationBuilder.DropPrimaryKey(
                name: "PK_area_boundaries",
                table: "area_boundaries");

            migrationBuilder.DropColumn(
                name: "ValidTo",
                table: "area_memberships");

            migrationBuilder.RenameColumn(
                name: "ValidFrom",
                table: "area_memberships",
                newName: "ObservedOn");

            // Every row stored so far is IoD2019's, and every boundary an LSOA's or MSOA's of 2011 but the May 2025 wards'.
            migrationBuilder.AddColumn<string>(
                name: "Vintage",
                table: "lsoa_deprivation",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Iod2019");

            migrationBuilder.AddColumn<double>(
                name: "BarriersScore",
                table: "lsoa_deprivation",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CrimeScore",
                table: "lsoa_deprivation",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EducationScore",
                table: "lsoa_deprivation",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EmploymentScore",
                table: "lsoa_deprivation",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "HealthScore",
                table: "lsoa_deprivation",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "IncomeScore",
                table: "lsoa_deprivation",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LivingEnvironmentScore",
                table: "lsoa_deprivation",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidFrom",
                table: "areas",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidTo",
                table: "areas",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Release",
                table: "area_boundaries",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(2011, 3, 27));

            // LSOAs and wards are one type each across their vintages now; the ICS's own places are no longer stored.
            migrationBuilder.Sql("UPDATE area_boundaries SET \"Release\" = '2025-05-01' WHERE \"Area\" IN (SELECT \"Code\" FROM areas WHERE \"Type\" = 'Ward2025');");
            migrationBuilder.Sql("UPDATE areas SET \"Type\" = 'Lsoa' WHERE \"Type\" = 'Lsoa2021';");
            migrationBuilder.Sql("UPDATE areas SET \"Type\" = 'Ward' WHERE \"Type\" = 'Ward2025';");
            migrationBuilder.Sql("UPDATE area_memberships SET \"ChildType\" = 'Lsoa' WHERE \"ChildType\" = 'Lsoa2021';");
            migrationBuilder.Sql("UPDATE area_memberships SET \"ChildType\" = 'Ward' WHERE \"ChildType\" = 'Ward2025';");
            migrationBuilder.Sql("DELETE FROM area_memberships WHERE \"ParentType\" IN ('Alliance', 'Neighbourhood', 'County') OR \"ChildType\" IN ('Alliance', 'Neighbourhood');");
            migrationBuilder.Sql("DELETE FROM areas WHERE \"Type\" IN ('Alliance', 'Neighbourhood', 'County');");
            // IoD2019's File 6 (mid-2015) was stored as residents: it is the Indices' denominator.
            migrationBuilder.Sql("UPDATE populations SET \"Kind\" = 'IodDenominator' WHERE \"Kind\" = 'Resident' AND \"Period\" = '2015-06-30';");

            migrationBuilder.AddPrimaryKey(
                name: "PK_lsoa_deprivation",
                table: "lsoa_deprivation",
                columns: new[] { "Lsoa", "Vintage" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_area_boundaries",
                table: "area_boundaries",
                columns: new[] { "Area", "Release" });

            migrationBuilder.CreateTable(
                name: "geography_releases",
                columns: table => new
                {
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_geography_releases", x => new { x.Type, x.Date, x.Scope });
                });

            migrationBuilder.CreateTable(
                name: "lsoa_links",
                columns: table => new
                {
                    Lsoa2011 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Lsoa2021 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Change = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    BestFit = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lsoa_links", x => new { x.Lsoa2011, x.Lsoa2021 });
                });

            migrationBuilder.CreateTable(
                name: "released_areas",
                columns: table => new
                {
                    Area = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Release = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AlternateCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_released_areas", x => new { x.Area, x.Type, x.Release });
                });

            migrationBuilder.CreateIndex(
                name: "IX_lsoa_deprivation_Vintage_ImdDecile",
                table: "lsoa_deprivation",
                columns: new[] { "Vintage", "ImdDecile" });

            migrationBuilder.CreateIndex(
                name: "IX_lsoa_links_Lsoa2021",
                table: "lsoa_links",
                column: "Lsoa2021");

            migrationBuilder.CreateIndex(
                name: "IX_released_areas_Type_Release",
                table: "released_areas",
                columns: new[] { "Type", "Release" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "geography_releases");

            migrationBuilder.DropTable(
                name: "lsoa_links");

            migrationBuilder.DropTable(
                name: "released_areas");

            migrationBuilder.DropPrimaryKey(
                name: "PK_lsoa_deprivation",
                table: "lsoa_deprivation");

            migrationBuilder.DropIndex(
                name: "IX_lsoa_deprivation_Vintage_ImdDecile",
                table: "lsoa_deprivation");

            migrationBuilder.DropPrimaryKey(
                name: "PK_area_boundaries",
                table: "area_boundaries");

            migrationBuilder.DropColumn(
                name: "Vintage",
                table: "lsoa_deprivation");

            migrationBuilder.DropColumn(
                name: "BarriersScore",
                table: "lsoa_deprivation");

            migrationBuilder.DropColumn(
                name: "CrimeScore",
                table: "lsoa_deprivation");

            migrationBuilder.DropColumn(
                name: "EducationScore",
                table: "lsoa_deprivation");

            migrationBuilder.DropColumn(
                name: "EmploymentScore",
                table: "lsoa_deprivation");

            migrationBuilder.DropColumn(
                name: "HealthScore",
                table: "lsoa_deprivation");

            migrationBuilder.DropColumn(
                name: "IncomeScore",
                table: "lsoa_deprivation");

            migrationBuilder.DropColumn(
                name: "LivingEnvironmentScore",
                table: "lsoa_deprivation");

            migrationBuilder.DropColumn(
                name: "ValidFrom",
                table: "areas");

            migrationBuilder.DropColumn(
                name: "ValidTo",
                table: "areas");

            migrationBuilder.DropColumn(
                name: "Release",
                table: "area_boundaries");

            migrationBuilder.RenameColumn(
                name: "ObservedOn",
                table: "area_memberships",
                newName: "ValidFrom");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidTo",
                table: "area_memberships",
                type: "date",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_lsoa_deprivation",
                table: "lsoa_deprivation",
                column: "Lsoa");

            migrationBuilder.AddPrimaryKey(
                name: "PK_area_boundaries",
                table: "area_boundaries",
                column: "Area");

            migrationBuilder.CreateIndex(
                name: "IX_lsoa_deprivation_ImdDecile",
                table: "lsoa_deprivation",
                column: "ImdDecile");
        }
    }
}
