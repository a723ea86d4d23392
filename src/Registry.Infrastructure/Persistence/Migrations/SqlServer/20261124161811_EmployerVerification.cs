using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RegisteredAt",
                table: "Employers",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "StateCode",
                table: "Employers",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "EmployerApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EmployerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    KeyHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EmployerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CredentialId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CredentialEventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EmployerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CredentialId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AddedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
