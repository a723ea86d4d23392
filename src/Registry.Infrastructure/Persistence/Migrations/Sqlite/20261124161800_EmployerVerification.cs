using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmployerVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ApprovedByUserId",
                table: "Employers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RegisteredAt",
                table: "Employers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "StateCode",
                table: "Employers",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "EmployerApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmployerApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmployerApiKeys_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WatchAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WatchAlerts_CredentialHistory_CredentialEventId",
                        column: x => x.CredentialEventId,
                        principalTable: "CredentialHistory",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WatchAlerts_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WatchedCredentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchedCredentials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WatchedCredentials_Credentials_CredentialId",
                        column: x => x.CredentialId,
                        principalTable: "Credentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WatchedCredentials_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Employers_StateCode_Status",
                table: "Employers",
                columns: new[] { "StateCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CredentialHistory_RecordedAt",
                table: "CredentialHistory",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EmployerApiKeys_EmployerId",
                table: "EmployerApiKeys",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_EmployerApiKeys_KeyHash",
                table: "EmployerApiKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WatchAlerts_CredentialEventId",
                table: "WatchAlerts",
                column: "CredentialEventId");

            migrationBuilder.CreateIndex(
                name: "IX_WatchAlerts_EmployerId_CreatedAt",
                table: "WatchAlerts",
                columns: new[] { "EmployerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WatchAlerts_EmployerId_CredentialEventId",
                table: "WatchAlerts",
                columns: new[] { "EmployerId", "CredentialEventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WatchedCredentials_CredentialId",
                table: "WatchedCredentials",
                column: "CredentialId");

            migrationBuilder.CreateIndex(
                name: "IX_WatchedCredentials_EmployerId_CredentialId",
                table: "WatchedCredentials",
                columns: new[] { "EmployerId", "CredentialId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmployerApiKeys");

            migrationBuilder.DropTable(
                name: "WatchAlerts");

            migrationBuilder.DropTable(
                name: "WatchedCredentials");

            migrationBuilder.DropIndex(
                name: "IX_Employers_StateCode_Status",
                table: "Employers");

            migrationBuilder.DropIndex(
                name: "IX_CredentialHistory_RecordedAt",
                table: "CredentialHistory");

            migrationBuilder.DropColumn(
                name: "ApprovedByUserId",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "RegisteredAt",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "StateCode",
                table: "Employers");
        }
    }
}
