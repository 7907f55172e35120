using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commonweal.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Commissioning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CharityNumber",
                table: "partners",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompanyNumber",
                table: "partners",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GssCode",
                table: "partners",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OdsCode",
                table: "partners",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "partners",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "partners",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PartnerId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "commissioning_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Partner = table.Column<int>(type: "INTEGER", nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Domains = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commissioning_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_commissioning_plans_partners_Partner",
                        column: x => x.Partner,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contracts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ref = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Provider = table.Column<int>(type: "INTEGER", nullable: false),
                    Commissioner = table.Column<int>(type: "INTEGER", nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnnualValuePence = table.Column<long>(type: "INTEGER", nullable: false),
                    Intention = table.Column<int>(type: "INTEGER", nullable: true),
                    Baseline = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contracts_contracts_Baseline",
                        column: x => x.Baseline,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_contracts_partners_Commissioner",
                        column: x => x.Commissioner,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_contracts_partners_Provider",
                        column: x => x.Provider,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pooled_funds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Arrangement = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Host = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pooled_funds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pooled_funds_partners_Host",
                        column: x => x.Host,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "priority_marks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_priority_marks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_scores",
                columns: table => new
                {
                    Plan = table.Column<int>(type: "INTEGER", nullable: false),
                    Criterion = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Links = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_scores", x => new { x.Plan, x.Criterion });
                    table.ForeignKey(
                        name: "FK_plan_scores_commissioning_plans_Plan",
                        column: x => x.Plan,
                        principalTable: "commissioning_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "commissioning_intentions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Lead = table.Column<int>(type: "INTEGER", nullable: false),
                    FocusArea = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    EstimatedAnnualValuePence = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Provider = table.Column<int>(type: "INTEGER", nullable: true),
                    Contract = table.Column<int>(type: "INTEGER", nullable: true),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commissioning_intentions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_commissioning_intentions_contracts_Contract",
                        column: x => x.Contract,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_commissioning_intentions_partners_Lead",
                        column: x => x.Lead,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_commissioning_intentions_partners_Provider",
                        column: x => x.Provider,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contract_kpis",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Contract = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Indicator = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BaselinePeriod = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    BaselineValue = table.Column<double>(type: "REAL", nullable: false),
                    TargetValue = table.Column<double>(type: "REAL", nullable: false),
                    DeadlinePeriod = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Trajectory = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Lead = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServiceLine = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contract_kpis", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contract_kpis_contracts_Contract",
                        column: x => x.Contract,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contract_variations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Contract = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AnnualValuePence = table.Column<long>(type: "INTEGER", nullable: true),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contract_variations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contract_variations_contracts_Contract",
                        column: x => x.Contract,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "remedial_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Contract = table.Column<int>(type: "INTEGER", nullable: false),
                    Kpi = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Opened = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Closed = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remedial_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_remedial_plans_contracts_Contract",
                        column: x => x.Contract,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "return_batches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Contract = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_return_batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_return_batches_contracts_Contract",
                        column: x => x.Contract,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_lines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Contract = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FocusArea = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AnnualValuePence = table.Column<long>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_lines_contracts_Contract",
                        column: x => x.Contract,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fund_contributions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Fund = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Partner = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountPence = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_contributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fund_contributions_partners_Partner",
                        column: x => x.Partner,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fund_contributions_pooled_funds_Fund",
                        column: x => x.Fund,
                        principalTable: "pooled_funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fund_earmarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Fund = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AmountPence = table.Column<long>(type: "INTEGER", nullable: false),
                    AllocationRun = table.Column<long>(type: "INTEGER", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_earmarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fund_earmarks_pooled_funds_Fund",
                        column: x => x.Fund,
                        principalTable: "pooled_funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "intention_evidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Intention = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intention_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_intention_evidence_commissioning_intentions_Intention",
                        column: x => x.Intention,
                        principalTable: "commissioning_intentions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "intention_partners",
                columns: table => new
                {
                    Intention = table.Column<int>(type: "INTEGER", nullable: false),
                    Partner = table.Column<int>(type: "INTEGER", nullable: false),
                    ShareBasisPoints = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intention_partners", x => new { x.Intention, x.Partner });
                    table.ForeignKey(
                        name: "FK_intention_partners_commissioning_intentions_Intention",
                        column: x => x.Intention,
                        principalTable: "commissioning_intentions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_intention_partners_partners_Partner",
                        column: x => x.Partner,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "intention_steps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Intention = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intention_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_intention_steps_commissioning_intentions_Intention",
                        column: x => x.Intention,
                        principalTable: "commissioning_intentions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contract_documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Contract = table.Column<int>(type: "INTEGER", nullable: false),
                    Variation = table.Column<int>(type: "INTEGER", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contract_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contract_documents_contract_variations_Variation",
                        column: x => x.Variation,
                        principalTable: "contract_variations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_contract_documents_contracts_Contract",
                        column: x => x.Contract,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "remedial_actions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Plan = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Updated = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remedial_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_remedial_actions_remedial_plans_Plan",
                        column: x => x.Plan,
                        principalTable: "remedial_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_returns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Contract = table.Column<int>(type: "INTEGER", nullable: false),
                    Kpi = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<double>(type: "REAL", nullable: true),
                    Denominator = table.Column<double>(type: "REAL", nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Batch = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_returns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_kpi_returns_contracts_Contract",
                        column: x => x.Contract,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_kpi_returns_return_batches_Batch",
                        column: x => x.Batch,
                        principalTable: "return_batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fund_commitments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Fund = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Partner = table.Column<int>(type: "INTEGER", nullable: false),
                    Earmark = table.Column<int>(type: "INTEGER", nullable: true),
                    Contract = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountPence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fund_commitments_contracts_Contract",
                        column: x => x.Contract,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_fund_commitments_fund_earmarks_Earmark",
                        column: x => x.Earmark,
                        principalTable: "fund_earmarks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fund_commitments_partners_Partner",
                        column: x => x.Partner,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fund_commitments_pooled_funds_Fund",
                        column: x => x.Fund,
                        principalTable: "pooled_funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fund_spend",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Commitment = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmountPence = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_spend", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fund_spend_fund_commitments_Commitment",
                        column: x => x.Commitment,
                        principalTable: "fund_commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_commissioning_intentions_Contract",
                table: "commissioning_intentions",
                column: "Contract");

            migrationBuilder.CreateIndex(
                name: "IX_commissioning_intentions_Lead",
                table: "commissioning_intentions",
                column: "Lead");

            migrationBuilder.CreateIndex(
                name: "IX_commissioning_intentions_Provider",
                table: "commissioning_intentions",
                column: "Provider");

            migrationBuilder.CreateIndex(
                name: "IX_commissioning_plans_Partner",
                table: "commissioning_plans",
                column: "Partner");

            migrationBuilder.CreateIndex(
                name: "IX_contract_documents_Contract",
                table: "contract_documents",
                column: "Contract");

            migrationBuilder.CreateIndex(
                name: "IX_contract_documents_Variation",
                table: "contract_documents",
                column: "Variation");

            migrationBuilder.CreateIndex(
                name: "IX_contract_kpis_Contract_Code",
                table: "contract_kpis",
                columns: new[] { "Contract", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_contract_variations_Contract_Number",
                table: "contract_variations",
                columns: new[] { "Contract", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contracts_Baseline",
                table: "contracts",
                column: "Baseline");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_Commissioner",
                table: "contracts",
                column: "Commissioner");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_Provider",
                table: "contracts",
                column: "Provider");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_Ref",
                table: "contracts",
                column: "Ref",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fund_commitments_Contract",
                table: "fund_commitments",
                column: "Contract");

            migrationBuilder.CreateIndex(
                name: "IX_fund_commitments_Earmark",
                table: "fund_commitments",
                column: "Earmark");

            migrationBuilder.CreateIndex(
                name: "IX_fund_commitments_Fund_Year_Partner",
                table: "fund_commitments",
                columns: new[] { "Fund", "Year", "Partner" });

            migrationBuilder.CreateIndex(
                name: "IX_fund_commitments_Partner",
                table: "fund_commitments",
                column: "Partner");

            migrationBuilder.CreateIndex(
                name: "IX_fund_contributions_Fund_Year_Partner",
                table: "fund_contributions",
                columns: new[] { "Fund", "Year", "Partner" });

            migrationBuilder.CreateIndex(
                name: "IX_fund_contributions_Partner",
                table: "fund_contributions",
                column: "Partner");

            migrationBuilder.CreateIndex(
                name: "IX_fund_earmarks_Fund_Year",
                table: "fund_earmarks",
                columns: new[] { "Fund", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_fund_spend_Commitment",
                table: "fund_spend",
                column: "Commitment");

            migrationBuilder.CreateIndex(
                name: "IX_intention_evidence_Intention",
                table: "intention_evidence",
                column: "Intention");

            migrationBuilder.CreateIndex(
                name: "IX_intention_partners_Partner",
                table: "intention_partners",
                column: "Partner");

            migrationBuilder.CreateIndex(
                name: "IX_intention_steps_Intention",
                table: "intention_steps",
                column: "Intention");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_returns_Batch",
                table: "kpi_returns",
                column: "Batch");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_returns_Contract_Kpi_Period",
                table: "kpi_returns",
                columns: new[] { "Contract", "Kpi", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pooled_funds_Code",
                table: "pooled_funds",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pooled_funds_Host",
                table: "pooled_funds",
                column: "Host");

            migrationBuilder.CreateIndex(
                name: "IX_priority_marks_Organisation_Theme",
                table: "priority_marks",
                columns: new[] { "Organisation", "Theme" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_remedial_actions_Plan",
                table: "remedial_actions",
                column: "Plan");

            migrationBuilder.CreateIndex(
                name: "IX_remedial_plans_Contract_Kpi",
                table: "remedial_plans",
                columns: new[] { "Contract", "Kpi" });

            migrationBuilder.CreateIndex(
                name: "IX_return_batches_Contract",
                table: "return_batches",
                column: "Contract");

            migrationBuilder.CreateIndex(
                name: "IX_service_lines_Contract",
                table: "service_lines",
                column: "Contract");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contract_documents");

            migrationBuilder.DropTable(
                name: "contract_kpis");

            migrationBuilder.DropTable(
                name: "fund_contributions");

            migrationBuilder.DropTable(
                name: "fund_spend");

            migrationBuilder.DropTable(
                name: "intention_evidence");

            migrationBuilder.DropTable(
                name: "intention_partners");

            migrationBuilder.DropTable(
                name: "intention_steps");

            migrationBuilder.DropTable(
                name: "kpi_returns");

            migrationBuilder.DropTable(
                name: "plan_scores");

            migrationBuilder.DropTable(
                name: "priority_marks");

            migrationBuilder.DropTable(
                name: "remedial_actions");

            migrationBuilder.DropTable(
                name: "service_lines");

            migrationBuilder.DropTable(
                name: "contract_variations");

            migrationBuilder.DropTable(
                name: "fund_commitments");

            migrationBuilder.DropTable(
                name: "commissioning_intentions");

            migrationBuilder.DropTable(
                name: "return_batches");

            migrationBuilder.DropTable(
                name: "commissioning_plans");

            migrationBuilder.DropTable(
                name: "remedial_plans");

            migrationBuilder.DropTable(
                name: "fund_earmarks");

            migrationBuilder.DropTable(
                name: "contracts");

            migrationBuilder.DropTable(
                name: "pooled_funds");

            migrationBuilder.DropColumn(
                name: "CharityNumber",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "CompanyNumber",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "GssCode",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "OdsCode",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "PartnerId",
                table: "AspNetUsers");
        }
    }
}
