using MediatR;
using Registry.Application.Features.Jurisdictions;

namespace Registry.Web.Api;

/// <summary>/api/v1/counties: the Census list of a state's counties, for anyone (the address forms refresh their county list from it).</summary>
public static class CountiesApi
{
    public static void MapCountiesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{state}", (string state, IMediator mediator, CancellationToken ct) => mediator.Send(new ListCounties.Query(state), ct))
            .WithTags("Jurisdictions")
            .WithName("ListCounties")
            .WithSummary("Public: a state's counties and county equivalents (five-digit FIPS code and name, 2020 Census), by name.")
            .ProducesValidationProblem()
            .AllowAnonymous();
    }
}
