using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WorkforceCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ResidenceChangeCount",
                table: "People",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ResidenceHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    StateCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    County = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidenceHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidenceHistory_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkforceSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StateCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    ActiveAtMonthEnd = table.Column<int>(type: "int", nullable: false),
                    CountsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Workbook = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkforceSnapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResidenceHistory_PersonId_Sequence",
                table: "ResidenceHistory",
                columns: new[] { "PersonId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkforceSnapshots_Month_StateCode",
                table: "WorkforceSnapshots",
                columns: new[] { "Month", "StateCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkforceSnapshots_StateCode_Month",
                table: "WorkforceSnapshots",
                columns: new[] { "StateCode", "Month" });

            // People who already had an address count where it is, as if it had always been so.
            migrationBuilder.Sql(@"INSERT INTO ""ResidenceHistory"" (""Id"", ""PersonId"", ""Sequence"", ""StateCode"", ""County"", ""EffectiveOn"")
SELECT NEWID(), ""Id"", 1, ""MailingAddress_State"", ""MailingAddress_County"", CAST('0001-01-01' AS date)
FROM ""People"" WHERE ""MailingAddress_County"" IS NOT NULL;");
            migrationBuilder.Sql(@"UPDATE ""People"" SET ""ResidenceChangeCount"" = 1 WHERE ""MailingAddress_County"" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResidenceHistory");

            migrationBuilder.DropTable(
                name: "WorkforceSnapshots");

            migrationBuilder.DropColumn(
                name: "ResidenceChangeCount",
                table: "People");
        }
    }
}
