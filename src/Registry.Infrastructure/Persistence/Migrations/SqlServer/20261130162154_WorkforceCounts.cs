using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Infrastructure.Persistence.Providers;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WorkforceCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkforceLedger",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StateCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidenceState = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    County = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Part = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    What = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkforceLedger", x => new { x.Day, x.StateCode, x.ProgramId, x.ResidenceState, x.County, x.Part, x.What });
                });

            // Existing histories fill the ledger, with the same statement the bench generator and tests use.
            migrationBuilder.Sql(WorkforceLedger.Rebuild(SqlDialect.SqlServer).Text);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkforceLedger");
        }
    }
}
