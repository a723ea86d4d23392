using MediatR;
using Registry.Application.Common.Behaviours;
using Registry.Application.Features.Discipline;
using Registry.Application.Features.Verification;

namespace Registry.Application.Tests.Pipeline;

/// <summary>A plain public read goes through its validation alone; every other request through every behaviour.</summary>
public sealed class PipelineServicesTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task A_plain_public_read_resolves_its_validation_alone_and_other_requests_every_behaviour()
    {
        var (lookup, revalidation, bulk) = await Fixture.RunAsync<ServiceFactory, (Type[], Type[], Type[])>(factory => Task.FromResult((
            Behaviours<VerifyCredential.Query, PublicCredential>(factory),
            Behaviours<RevalidateCredential.Query, string?>(factory),
            Behaviours<VerifyCredentials.Query, IReadOnlyList<VerifyCredentials.Result>>(factory))));

        Assert.Equal([typeof(ValidationBehaviour<VerifyCredential.Query, PublicCredential>)], lookup);
        Assert.Equal([typeof(ValidationBehaviour<RevalidateCredential.Query, string?>)], revalidation);
        Assert.Equal(PipelineServices.Behaviours, bulk.Select(b => b.GetGenericTypeDefinition()));
    }

    [Theory]
    [InlineData(typeof(VerifyCredential.Query), true)]
    [InlineData(typeof(RevalidateCredential.Query), true)]
    [InlineData(typeof(SearchCredentials.Query), true)]
    [InlineData(typeof(VerifyCredentials.Query), false)] // an employer's, not a public request
    [InlineData(typeof(RelinquishCredential.Command), false)]
    public void Only_public_requests_that_change_nothing_audit_nothing_and_touch_no_one_s_records_are_plain_reads(Type request, bool plain) =>
        Assert.Equal(plain, PipelineServices.IsPlainPublicRead(request));

    private static Type[] Behaviours<TRequest, TResponse>(ServiceFactory factory) where TRequest : IRequest<TResponse> =>
        ((IEnumerable<IPipelineBehavior<TRequest, TResponse>>)factory(typeof(IEnumerable<IPipelineBehavior<TRequest, TResponse>>))).Select(b => b.GetType()).ToArray();
}
