using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WorkforceSurvey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkforceSurveyResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StateCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CredentialId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Occasion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RaceEthnicity = table.Column<int>(type: "int", maxLength: 32, nullable: true),
                    Gender = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Languages = table.Column<int>(type: "int", maxLength: 32, nullable: true),
                    Veteran = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Education = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Employment = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Setting = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    CountyOfPractice = table.Column<string>(type: "nchar(5)", fixedLength: true, maxLength: 5, nullable: true),
                    CountyDeclined = table.Column<bool>(type: "bit", nullable: false),
                    HoursPerWeek = table.Column<int>(type: "int", nullable: true),
                    HoursDeclined = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkforceSurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkforceSurveyResponses_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkforceSurveyResponses_ApplicationId",
                table: "WorkforceSurveyResponses",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkforceSurveyResponses_PersonId_AnsweredOn",
                table: "WorkforceSurveyResponses",
                columns: new[] { "PersonId", "AnsweredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkforceSurveyResponses_StateCode_AnsweredOn",
                table: "WorkforceSurveyResponses",
                columns: new[] { "StateCode", "AnsweredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkforceSurveyResponses");
        }
    }
}
