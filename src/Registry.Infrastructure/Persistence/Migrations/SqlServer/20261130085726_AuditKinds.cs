using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientAddress",
                table: "AuditLog",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "AuditLog",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Change"); // the entries written before kinds were all changes

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Kind_At",
                table: "AuditLog",
                columns: new[] { "Kind", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditLog_Kind_At",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "ClientAddress",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "AuditLog");
        }
    }
}
