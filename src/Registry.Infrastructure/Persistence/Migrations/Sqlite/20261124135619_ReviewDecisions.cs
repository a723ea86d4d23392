using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExamAttempts_PersonId_ProgramId_TakenOn",
                table: "ExamAttempts");

            migrationBuilder.AddColumn<Guid>(
                name: "WaivedByUserId",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WaiverReason",
                table: "Applications",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamAttempts_PersonId_ProgramId_TakenOn",
                table: "ExamAttempts",
                columns: new[] { "PersonId", "ProgramId", "TakenOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExamAttempts_PersonId_ProgramId_TakenOn",
                table: "ExamAttempts");

            migrationBuilder.DropColumn(
                name: "WaivedByUserId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "WaiverReason",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_ExamAttempts_PersonId_ProgramId_TakenOn",
                table: "ExamAttempts",
                columns: new[] { "PersonId", "ProgramId", "TakenOn" });
        }
    }
}
