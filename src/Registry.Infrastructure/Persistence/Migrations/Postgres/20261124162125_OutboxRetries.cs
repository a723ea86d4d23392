using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxRetries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_SentAt_CreatedAt",
                table: "Notifications");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FailedAt",
                table: "Notifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                table: "Notifications",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Messages already queued are due at once; those that used up their attempts under the old rule are given up.
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"NextAttemptAt\" = \"CreatedAt\";");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"FailedAt\" = \"CreatedAt\" WHERE \"SentAt\" IS NULL AND \"Attempts\" >= 10;");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentAt_FailedAt_NextAttemptAt",
                table: "Notifications",
                columns: new[] { "SentAt", "FailedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_SentAt_FailedAt_NextAttemptAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "SentAt", "CreatedAt" });
        }
    }
}
