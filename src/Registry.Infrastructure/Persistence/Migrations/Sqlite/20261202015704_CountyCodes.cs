using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CountyCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CountyCode",
                table: "ResidenceHistory",
                type: "TEXT",
                fixedLength: true,
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostTo_CountyCode",
                table: "PrintedCertificateOrders",
                type: "TEXT",
                fixedLength: true,
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MailingAddress_CountyCode",
                table: "People",
                type: "TEXT",
                fixedLength: true,
                maxLength: 5,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CountyCode",
                table: "ResidenceHistory");

            migrationBuilder.DropColumn(
                name: "PostTo_CountyCode",
                table: "PrintedCertificateOrders");

            migrationBuilder.DropColumn(
                name: "MailingAddress_CountyCode",
                table: "People");
        }
    }
}
