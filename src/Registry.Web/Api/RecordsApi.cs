namespace Registry.Web.Api;

public static class RecordsApi
{
    public static void MapRecordsApi(this RouteGroupBuilder api)
    {
    }
}
