using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RenewalReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CredentialId",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RenewalReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenewalReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenewalReminders_Credentials_CredentialId",
                        column: x => x.CredentialId,
                        principalTable: "Credentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_CredentialId_Status",
                table: "Applications",
                columns: new[] { "CredentialId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RenewalReminders_CredentialId_CycleExpiresOn_DaysBefore",
                table: "RenewalReminders",
                columns: new[] { "CredentialId", "CycleExpiresOn", "DaysBefore" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenewalReminders_RunId",
                table: "RenewalReminders",
                column: "RunId");

            migrationBuilder.AddForeignKey(
                name: "FK_Applications_Credentials_CredentialId",
                table: "Applications",
                column: "CredentialId",
                principalTable: "Credentials",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Applications_Credentials_CredentialId",
                table: "Applications");

            migrationBuilder.DropTable(
                name: "RenewalReminders");

            migrationBuilder.DropIndex(
                name: "IX_Applications_CredentialId_Status",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "CredentialId",
                table: "Applications");
        }
    }
}
