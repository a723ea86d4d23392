namespace Registry.Web.Api;

public static class ExamsApi
{
    public static void MapExamsApi(this RouteGroupBuilder api)
    {
    }
}
