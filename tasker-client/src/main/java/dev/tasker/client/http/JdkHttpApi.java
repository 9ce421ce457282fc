package dev.tasker.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.client.json.JsonMappers;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The REST client interfaces ({@code OrchestrationApi}, {@code WorkerApi}) over the JDK's HTTP clients, for code
 * that runs outside a Quarkus application (plain Java, a plain JUnit test), where the REST clients Quarkus
 * generates at build time do not exist. It reads the same JAX-RS annotations (method, path, path and query
 * parameters, the query fields of bean parameters, the JSON body) and answers as the generated REST client does: the
 * entity, or the {@code Response} itself for a {@code Response}-typed method; for an error status, whatever the
 * registered {@code ResponseExceptionMapper} raises (a {@code WebApplicationException} carrying the response if it
 * raises nothing); a {@code WebApplicationException} for a body it cannot read; a {@code ProcessingException} when
 * no answer came.
 */
public final class JdkHttpApi implements InvocationHandler {

    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String authToken;
    private final ResponseExceptionMapper<?> errors;
    private final ObjectMapper json = JsonMappers.json();
    /** Only for PATCH, which HttpURLConnection refuses; made on first use, as it costs a few hundred ms to make. */
    private HttpClient patchClient;

    private JdkHttpApi(URI baseUrl, Duration connectTimeout, Duration readTimeout, String authToken,
            ResponseExceptionMapper<?> errors) {
        this.baseUrl = baseUrl;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.authToken = authToken;
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * A client of {@code api} at {@code baseUrl} whose error statuses {@code errors} turns into exceptions; it is
     * also {@link AutoCloseable}, which releases nothing.
     */
    public static <T> T create(Class<T> api, URI baseUrl, Duration connectTimeout, Duration readTimeout,
            String authToken, ResponseExceptionMapper<?> errors) {
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api, AutoCloseable.class},
                new JdkHttpApi(baseUrl, connectTimeout, readTimeout, authToken, errors));
        return api.cast(proxy);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            // A proxy hands over only these three of Object's methods, so the default branch cannot be reached.
            return switch (method.getName()) {
                case "toString" -> "JdkHttpApi[" + baseUrl + "]";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }
        if (method.getDeclaringClass() == AutoCloseable.class) {
            return null;
        }
        Object[] values = args == null ? new Object[0] : args;
        Call call = call(method, values);
        JdkResponse response;
        try {
            response = "PATCH".equals(call.method()) ? sendWithHttpClient(call) : send(call);
        } catch (IOException e) {
            throw new ProcessingException(call.method() + " " + call.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException("interrupted during " + call.method() + " " + call.uri(), e);
        }
        if (errors.handles(response.getStatus(), response.getHeaders())) {
            Throwable raised = errors.toThrowable(response);
            throw raised != null ? raised : new WebApplicationException(response);
        }
        String answerBody = response.readEntity(String.class);
        if (method.getReturnType() == Response.class) {
            return response;
        }
        if (method.getReturnType() == void.class || answerBody.isBlank()) {
            return null;
        }
        if (method.getReturnType() == String.class) {
            return answerBody;
        }
        try {
            return json.readValue(answerBody, json.constructType(method.getGenericReturnType()));
        } catch (JsonProcessingException e) {
            throw new WebApplicationException("cannot read the answer of " + call.method() + " " + call.uri()
                    + " as " + method.getGenericReturnType().getTypeName() + ": " + e.getOriginalMessage(), e,
                    response);
        }
    }

    /** One request: method, URL, headers and JSON body (null for none). */
    private record Call(String method, URI uri, Map<String, String> headers, String body) {
    }

    /** HttpURLConnection: about 50 ms for a CLI's first request, against about 300 for java.net.http's client. */
    private JdkResponse send(Call call) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) call.uri().toURL().openConnection();
        try {
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setRequestMethod(call.method());
            call.headers().forEach(connection::setRequestProperty);
            if (call.body() != null) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(call.body().getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            connection.getHeaderFields().forEach((name, values) -> {
                if (name != null) {
                    headers.put(name, values);
                }
            });
            return new JdkResponse(status, text, headers, json);
        } finally {
            connection.disconnect();
        }
    }

    private JdkResponse sendWithHttpClient(Call call) throws IOException, InterruptedException {
        synchronized (this) {
            if (patchClient == null) {
                patchClient = HttpClient.newBuilder().connectTimeout(connectTimeout)
                        .version(HttpClient.Version.HTTP_1_1).build();
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(readTimeout).method(call.method(),
                call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        call.headers().forEach(request::header);
        HttpResponse<String> answer = patchClient.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new JdkResponse(answer.statusCode(), answer.body(), answer.headers().map(), json);
    }

    private Call call(Method method, Object[] args) throws JsonProcessingException {
        String path = path(method);
        List<String> query = new ArrayList<>();
        Object body = null;
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < args.length; i++) {
            PathParam pathParam = find(annotations[i], PathParam.class);
            QueryParam queryParam = find(annotations[i], QueryParam.class);
            if (pathParam != null) {
                path = path.replace("{" + pathParam.value() + "}", encode(String.valueOf(args[i])).replace("+", "%20"));
            } else if (queryParam != null) {
                addQuery(query, queryParam.value(), args[i]);
            } else if (find(annotations[i], BeanParam.class) != null) {
                addBeanQuery(query, args[i]);
            } else {
                body = args[i];
            }
        }
        String base = baseUrl.toString();
        URI uri = URI.create((base.endsWith("/") ? base : base + "/") + path
                + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept(method));
        if (body != null) {
            headers.put("Content-Type", MediaType.APPLICATION_JSON);
        }
        if (authToken != null) {
            headers.put("Authorization", "Bearer " + authToken);
        }
        return new Call(httpMethod(method), uri, headers, body == null ? null : json.writeValueAsString(body));
    }

    private static void addQuery(List<String> query, String name, Object value) {
        if (value != null) {
            query.add(encode(name) + "=" + encode(String.valueOf(value)));
        }
    }

    /**
     * The {@code @QueryParam} fields of a bean parameter's own class, in declaration order, as the generated
     * client sends them. Annotated methods are refused rather than left out: reflection gives no order for them.
     */
    private static void addBeanQuery(List<String> query, Object bean) {
        if (bean == null) {
            return;
        }
        for (Method m : bean.getClass().getDeclaredMethods()) {
            if (m.isAnnotationPresent(QueryParam.class)) {
                throw new IllegalStateException("JdkHttpApi reads the @QueryParam fields of a @BeanParam, not "
                        + "methods such as " + m);
            }
        }
        for (Field field : bean.getClass().getDeclaredFields()) {
            QueryParam param = field.getAnnotation(QueryParam.class);
            if (param != null) {
                try {
                    field.setAccessible(true);
                    addQuery(query, param.value(), field.get(bean));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + field, e);
                }
            }
        }
    }

    private static String path(Method method) {
        Path type = method.getDeclaringClass().getAnnotation(Path.class);
        Path own = method.getAnnotation(Path.class);
        String joined = (type == null ? "" : stripSlashes(type.value())) + "/" + (own == null ? ""
                : stripSlashes(own.value()));
        return stripSlashes(joined);
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        throw new IllegalStateException(method + " has no HTTP method annotation");
    }

    private static String accept(Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = method.getDeclaringClass().getAnnotation(Produces.class);
        }
        return produces == null ? MediaType.APPLICATION_JSON : String.join(", ", produces.value());
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        for (Annotation a : annotations) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
