using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Part3RegisterImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ImportRow",
                table: "CredentialHistory",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RegisterImportId",
                table: "CredentialHistory",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RegisterImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ImportedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowsDone = table.Column<int>(type: "integer", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Problems = table.Column<int>(type: "integer", nullable: false),
                    NewPeople = table.Column<int>(type: "integer", nullable: false),
                    MatchedPeople = table.Column<int>(type: "integer", nullable: false),
                    NewCredentials = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Problem = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegisterImportReport",
                columns: table => new
                {
                    RegisterImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterImportReport", x => new { x.RegisterImportId, x.Row });
                    table.ForeignKey(
                        name: "FK_RegisterImportReport_RegisterImports_RegisterImportId",
                        column: x => x.RegisterImportId,
                        principalTable: "RegisterImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CredentialHistory_RegisterImportId",
                table: "CredentialHistory",
                column: "RegisterImportId");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterImportReport_RegisterImportId_Outcome_Row",
                table: "RegisterImportReport",
                columns: new[] { "RegisterImportId", "Outcome", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterImports_StateCode_SubmittedAt",
                table: "RegisterImports",
                columns: new[] { "StateCode", "SubmittedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_CredentialHistory_RegisterImports_RegisterImportId",
                table: "CredentialHistory",
                column: "RegisterImportId",
                principalTable: "RegisterImports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CredentialHistory_RegisterImports_RegisterImportId",
                table: "CredentialHistory");

            migrationBuilder.DropTable(
                name: "RegisterImportReport");

            migrationBuilder.DropTable(
                name: "RegisterImports");

            migrationBuilder.DropIndex(
                name: "IX_CredentialHistory_RegisterImportId",
                table: "CredentialHistory");

            migrationBuilder.DropColumn(
                name: "ImportRow",
                table: "CredentialHistory");

            migrationBuilder.DropColumn(
                name: "RegisterImportId",
                table: "CredentialHistory");
        }
    }
}
