namespace Registry.Web.Api;

public static class ReviewApi
{
    public static void MapReviewApi(this RouteGroupBuilder api)
    {
    }
}
