<?php

return [
    'default' => env('CACHE_STORE', 'database'),

    'stores' => [
        'array' => ['driver' => 'array', 'serialize' => false],
        'redis' => ['driver' => 'redis', 'connection' => env('REDIS_CACHE_CONNECTION', 'cache')],
    ],
];
