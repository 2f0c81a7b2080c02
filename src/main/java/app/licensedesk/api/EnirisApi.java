package app.licensedesk.api;

import retrofit2.Call;
import retrofit2.Response;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The endpoints of the api host; the bearer access token is added by {@link AuthInterceptor}. */
interface EnirisApi {

    @GET("v1/company")
    Call<Wire.CompanyList> companies();

    /** 204 with no body when {@code skipHash} matches: the caller looks at the {@link Response} code. */
    @Idempotent
    @POST("v1/device/query")
    Call<Wire.DeviceList> queryDevices(@Body Wire.DeviceQuery query);

    @POST("v1/license/activate")
    Call<Wire.ActivateResult> activate(@Body Wire.ActivateRequest request);

    @POST("v1/license/claim")
    Call<Wire.ClaimResult> claim(@Body Wire.ClaimRequest request);

    /** Retrofit percent-encodes the path value, "/" included. */
    @GET("v1/license/controller/{nodeId}")
    Call<Wire.LicenseList> licensesOfController(@Path("nodeId") String nodeId);

    @GET("v1/license/customer/{customerId}")
    Call<Wire.LicenseList> licensesOfCustomer(@Path("customerId") String customerId,
                                              @Query("includeDatalinks") boolean includeDatalinks);
}
