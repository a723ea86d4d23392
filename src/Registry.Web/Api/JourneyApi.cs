namespace Registry.Web.Api;

public static class JourneyApi
{
    public static void MapJourneyApi(this RouteGroupBuilder api)
    {
    }
}
