using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApplicationWaits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstSubmittedAt",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: true);

            // The first submission of every application submitted so far, from its history.
            migrationBuilder.Sql(@"UPDATE ""Applications"" SET ""FirstSubmittedAt"" = (SELECT MIN(h.""At"") FROM ""ApplicationHistory"" AS h WHERE h.""ApplicationId"" = ""Applications"".""Id"" AND h.""To"" = 'Submitted');");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationHistory_At_ApplicationId_From_Id",
                table: "ApplicationHistory",
                columns: new[] { "At", "ApplicationId", "From", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationHistory_To_At_ApplicationId",
                table: "ApplicationHistory",
                columns: new[] { "To", "At", "ApplicationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ApplicationHistory_At_ApplicationId_From_Id",
                table: "ApplicationHistory");

            migrationBuilder.DropIndex(
                name: "IX_ApplicationHistory_To_At_ApplicationId",
                table: "ApplicationHistory");

            migrationBuilder.DropColumn(
                name: "FirstSubmittedAt",
                table: "Applications");
        }
    }
}
