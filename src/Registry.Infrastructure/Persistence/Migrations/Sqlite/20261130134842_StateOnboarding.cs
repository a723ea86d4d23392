using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StateOnboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Programs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetirementReason",
                table: "Programs",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardName",
                table: "Jurisdictions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ClaimRequiresDateOfBirth",
                table: "Jurisdictions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "MailingAddress",
                table: "Jurisdictions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebAddress",
                table: "Jurisdictions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImportRow",
                table: "CredentialHistory",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RegisterImportId",
                table: "CredentialHistory",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RecordClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplacedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WrongAnswers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordClaims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegisterImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ImportedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RowsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Problems = table.Column<int>(type: "INTEGER", nullable: false),
                    NewPeople = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchedPeople = table.Column<int>(type: "INTEGER", nullable: false),
                    NewCredentials = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StateExports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CurrentFile = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RowsWritten = table.Column<long>(type: "INTEGER", nullable: false),
                    FilesWritten = table.Column<int>(type: "INTEGER", nullable: false),
                    FilesTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedParts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StateExports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StateExports_Jurisdictions_StateCode",
                        column: x => x.StateCode,
                        principalTable: "Jurisdictions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegisterImportReport",
                columns: table => new
                {
                    RegisterImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
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
                name: "IX_RecordClaims_PersonId_ExpiresAt",
                table: "RecordClaims",
                columns: new[] { "PersonId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordClaims_TokenHash",
                table: "RecordClaims",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterImportReport_RegisterImportId_Outcome_Row",
                table: "RegisterImportReport",
                columns: new[] { "RegisterImportId", "Outcome", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterImports_StateCode_SubmittedAt",
                table: "RegisterImports",
                columns: new[] { "StateCode", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StateExports_ExpiresAt",
                table: "StateExports",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_StateExports_StateCode_RequestedAt",
                table: "StateExports",
                columns: new[] { "StateCode", "RequestedAt" });

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
                name: "RecordClaims");

            migrationBuilder.DropTable(
                name: "RegisterImportReport");

            migrationBuilder.DropTable(
                name: "StateExports");

            migrationBuilder.DropTable(
                name: "RegisterImports");

            migrationBuilder.DropIndex(
                name: "IX_CredentialHistory_RegisterImportId",
                table: "CredentialHistory");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "RetirementReason",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "BoardName",
                table: "Jurisdictions");

            migrationBuilder.DropColumn(
                name: "ClaimRequiresDateOfBirth",
                table: "Jurisdictions");

            migrationBuilder.DropColumn(
                name: "MailingAddress",
                table: "Jurisdictions");

            migrationBuilder.DropColumn(
                name: "WebAddress",
                table: "Jurisdictions");

            migrationBuilder.DropColumn(
                name: "ImportRow",
                table: "CredentialHistory");

            migrationBuilder.DropColumn(
                name: "RegisterImportId",
                table: "CredentialHistory");
        }
    }
}
