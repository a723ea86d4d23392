namespace Registry.Web.Api;

public static class AccountApi
{
    public static void MapAccountApi(this RouteGroupBuilder api)
    {
    }
}
