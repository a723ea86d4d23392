using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Endorsements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EndorsementCode",
                table: "CredentialHistory",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CredentialEndorsements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CredentialId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    GrantedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CredentialEndorsements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CredentialEndorsements_Credentials_CredentialId",
                        column: x => x.CredentialId,
                        principalTable: "Credentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CredentialEndorsements_Code_GrantedOn",
                table: "CredentialEndorsements",
                columns: new[] { "Code", "GrantedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CredentialEndorsements_CredentialId_Code",
                table: "CredentialEndorsements",
                columns: new[] { "CredentialId", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CredentialEndorsements");

            migrationBuilder.DropColumn(
                name: "EndorsementCode",
                table: "CredentialHistory");
        }
    }
}
