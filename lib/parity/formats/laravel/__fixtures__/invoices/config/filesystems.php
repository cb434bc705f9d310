<?php

return [
    'default' => env('FILESYSTEM_DISK', 'local'),

    'disks' => [
        'local' => ['driver' => 'local', 'root' => storage_path('app/private')],
        's3' => ['driver' => 's3', 'bucket' => env('AWS_BUCKET')],
    ],
];
