using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PrintedCertificateOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "PrintedCertificateOrders");
        }
    }
}
