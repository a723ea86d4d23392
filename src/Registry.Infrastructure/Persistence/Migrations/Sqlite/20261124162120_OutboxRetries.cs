using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Sqlite
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

            migrationBuilder.AddColumn<long>(
                name: "FailedAt",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

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
