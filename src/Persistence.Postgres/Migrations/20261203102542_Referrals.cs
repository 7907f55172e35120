using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Commonweal.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "referral_services",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Needs = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Areas = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MinAge = table.Column<int>(type: "integer", nullable: true),
                    MaxAge = table.Column<int>(type: "integer", nullable: true),
                    Cohorts = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    ContractRef = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ServiceLine = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_services", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IdentifierSystem = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IdentifierValue = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Route = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Received = table.Column<long>(type: "bigint", nullable: false),
                    ReferredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReferrerPartner = table.Column<int>(type: "integer", nullable: true),
                    RequestedService = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConsentGiven = table.Column<bool>(type: "boolean", nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: true),
                    Person_BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Person_Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Person_FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Person_Gender = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Person_GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Person_NhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Person_Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Person_Place = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Person_Postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referrals_partners_ReferrerPartner",
                        column: x => x.ReferrerPartner,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fhir_resources",
                columns: table => new
                {
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Referral = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    LastUpdated = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Owner = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Identifier = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Json = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fhir_resources", x => new { x.Type, x.Id });
                    table.ForeignKey(
                        name: "FK_fhir_resources_referrals_Referral",
                        column: x => x.Referral,
                        principalTable: "referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Referral = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Read = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notifications_referrals_Referral",
                        column: x => x.Referral,
                        principalTable: "referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referral_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Opened = table.Column<long>(type: "bigint", nullable: false),
                    Updated = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referral_cases_referrals_Id",
                        column: x => x.Id,
                        principalTable: "referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Case = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_events_referral_cases_Case",
                        column: x => x.Case,
                        principalTable: "referral_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Case = table.Column<Guid>(type: "uuid", nullable: false),
                    Need = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Tier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Service = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Provider = table.Column<int>(type: "integer", nullable: true),
                    Waitlisted = table.Column<bool>(type: "boolean", nullable: false),
                    WaitlistedFor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Why = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Planned = table.Column<long>(type: "bigint", nullable: false),
                    PlannedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_lines_partners_Provider",
                        column: x => x.Provider,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_lines_referral_cases_Case",
                        column: x => x.Case,
                        principalTable: "referral_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_events_Case",
                table: "case_events",
                column: "Case");

            migrationBuilder.CreateIndex(
                name: "IX_fhir_resources_Referral",
                table: "fhir_resources",
                column: "Referral");

            migrationBuilder.CreateIndex(
                name: "IX_fhir_resources_Type_Identifier",
                table: "fhir_resources",
                columns: new[] { "Type", "Identifier" });

            migrationBuilder.CreateIndex(
                name: "IX_fhir_resources_Type_Status_Owner",
                table: "fhir_resources",
                columns: new[] { "Type", "Status", "Owner" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Recipient_At",
                table: "notifications",
                columns: new[] { "Recipient", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Referral",
                table: "notifications",
                column: "Referral");

            migrationBuilder.CreateIndex(
                name: "IX_referral_cases_Status_Opened",
                table: "referral_cases",
                columns: new[] { "Status", "Opened" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_IdentifierSystem_IdentifierValue",
                table: "referrals",
                columns: new[] { "IdentifierSystem", "IdentifierValue" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ReferredBy_Received",
                table: "referrals",
                columns: new[] { "ReferredBy", "Received" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ReferrerPartner",
                table: "referrals",
                column: "ReferrerPartner");

            migrationBuilder.CreateIndex(
                name: "IX_support_lines_Case",
                table: "support_lines",
                column: "Case");

            migrationBuilder.CreateIndex(
                name: "IX_support_lines_Provider",
                table: "support_lines",
                column: "Provider");

            migrationBuilder.CreateIndex(
                name: "IX_support_lines_Service_Case",
                table: "support_lines",
                columns: new[] { "Service", "Case" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "fhir_resources");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "referral_services");

            migrationBuilder.DropTable(
                name: "support_lines");

            migrationBuilder.DropTable(
                name: "referral_cases");

            migrationBuilder.DropTable(
                name: "referrals");
        }
    }
}
