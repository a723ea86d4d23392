using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.MyRecord;
using Registry.Application.Features.Renewals;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>/api/v1/me: the signed-in person's own record and credentials.</summary>
public static class MeApi
{
    public static void MapMeApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        me.MapGet("/record", (IMediator mediator, CancellationToken ct) => mediator.Send(new ExportMyRecord.Query(), ct))
            .WithName("ExportMyRecord")
            .WithSummary("Everything the registry holds about the signed-in applicant.");
        me.MapGet("/record.xlsx", async (IMediator mediator, IMyRecordWorkbook workbook, CancellationToken ct) =>
            {
                var output = new MemoryStream();
                workbook.Write(await mediator.Send(new ExportMyRecord.Query(), ct), output);
                output.Position = 0;
                return Results.File(output, WorkforceDownloads.Xlsx, "my-registry-record.xlsx");
            })
            .WithName("ExportMyRecordWorkbook")
            .Produces<Stream>(StatusCodes.Status200OK, WorkforceDownloads.Xlsx)
            .WithSummary("The same record as a readable spreadsheet.");
        me.MapGet("/credentials", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListRenewalOptions.Query(), ct))
            .WithName("ListMyCredentials")
            .WithSummary("The signed-in holder's credentials: whether each can be renewed or reinstated today (and if not, why), and any open renewal.");
    }
}
