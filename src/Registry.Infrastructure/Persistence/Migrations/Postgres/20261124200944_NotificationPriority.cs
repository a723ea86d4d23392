using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotificationPriority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_SentAt_FailedAt_NextAttemptAt",
                table: "Notifications");

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "Notifications",
                type: "integer",
                maxLength: 32,
                nullable: false,
                defaultValue: 0);

            // Messages still waiting that the scheduled jobs wrote are bulk.
            migrationBuilder.Sql("""
                UPDATE "Notifications" SET "Priority" = 1 WHERE "SentAt" IS NULL AND ("Template" IN ('renewal-reminder', 'credential-expired', 'credential-lapsed', 'watch-list-change'))
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentAt_FailedAt_Priority_NextAttemptAt",
                table: "Notifications",
                columns: new[] { "SentAt", "FailedAt", "Priority", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_SentAt_FailedAt_Priority_NextAttemptAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentAt_FailedAt_NextAttemptAt",
                table: "Notifications",
                columns: new[] { "SentAt", "FailedAt", "NextAttemptAt" });
        }
    }
}
