using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Renewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CycleEndsOn",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CycleStartsOn",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SelectedForCeAudit",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ContinuingEducationRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Course = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Hours = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsEthics = table.Column<bool>(type: "INTEGER", nullable: false),
                    EvidenceDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Review = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReviewReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuingEducationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContinuingEducationRecords_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContinuingEducationRecords_Documents_EvidenceDocumentId",
                        column: x => x.EvidenceDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContinuingEducationRecords_ApplicationId",
                table: "ContinuingEducationRecords",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuingEducationRecords_EvidenceDocumentId",
                table: "ContinuingEducationRecords",
                column: "EvidenceDocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContinuingEducationRecords");

            migrationBuilder.DropColumn(
                name: "CycleEndsOn",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "CycleStartsOn",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "SelectedForCeAudit",
                table: "Applications");
        }
    }
}
