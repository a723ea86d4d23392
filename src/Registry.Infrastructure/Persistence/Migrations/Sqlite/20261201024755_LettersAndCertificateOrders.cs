using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LettersAndCertificateOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DecisionLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DisciplineCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionLetters_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionLetters_Credentials_CredentialId",
                        column: x => x.CredentialId,
                        principalTable: "Credentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionLetters_DisciplineCases_DisciplineCaseId",
                        column: x => x.DisciplineCaseId,
                        principalTable: "DisciplineCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionLetters_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionLetters_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PrintedCertificateOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostTo_Line1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostTo_Line2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostTo_City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PostTo_County = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PostTo_State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PostTo_PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OrderedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FeeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PostedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrintedCertificateOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrintedCertificateOrders_Credentials_CredentialId",
                        column: x => x.CredentialId,
                        principalTable: "Credentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrintedCertificateOrders_Fees_FeeId",
                        column: x => x.FeeId,
                        principalTable: "Fees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLetters_ApplicationId",
                table: "DecisionLetters",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLetters_CredentialId",
                table: "DecisionLetters",
                column: "CredentialId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLetters_DisciplineCaseId",
                table: "DecisionLetters",
                column: "DisciplineCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLetters_NotificationId",
                table: "DecisionLetters",
                column: "NotificationId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLetters_PersonId",
                table: "DecisionLetters",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PrintedCertificateOrders_CredentialId",
                table: "PrintedCertificateOrders",
                column: "CredentialId");

            migrationBuilder.CreateIndex(
                name: "IX_PrintedCertificateOrders_FeeId",
                table: "PrintedCertificateOrders",
                column: "FeeId");

            migrationBuilder.CreateIndex(
                name: "IX_PrintedCertificateOrders_StateCode_Status_OrderedAt",
                table: "PrintedCertificateOrders",
                columns: new[] { "StateCode", "Status", "OrderedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionLetters");

            migrationBuilder.DropTable(
                name: "PrintedCertificateOrders");
        }
    }
}
